import Testing
@testable import KconfigKit

/// The engine through its API: user values, choices, expressions.
struct EvaluationTests {
    static let tree = ["Kconfig": """
        config MODULES
        \tbool "Modules"
        \tmodules
        \tdefault y
        config A
        \tbool "A"
        config B
        \ttristate "B"
        \tdepends on A
        config SEL
        \tbool "Selector"
        \tselect B
        config NUM
        \tint "Number"
        \trange 1 10
        \tdefault 5
        config ADDR
        \thex "Address"
        choice
        \tprompt "Pick"
        config P1
        \tbool "P1"
        config P2
        \tbool "P2"
        endchoice

        """]

    @Test func userValuesFollowVisibility() throws {
        let kconfig = try load(Self.tree)
        let b = try #require(kconfig.symbol(named: "B"))
        #expect(b.visibility == .no)
        #expect(b.setUserValue("y") == false)
        #expect(kconfig.symbol(named: "A")?.setUserValue("y") == true)
        #expect(b.visibility == .yes)
        #expect(b.setUserValue("m"))
        #expect(b.value == "m")
        #expect(b.tristateValue == .module)
    }

    @Test func selectRaisesAndLimitsChoices() throws {
        let kconfig = try load(Self.tree)
        let b = try #require(kconfig.symbol(named: "B"))
        #expect(kconfig.symbol(named: "SEL")?.setUserValue("y") == true)
        #expect(b.value == "y")  // selected although A is off
        #expect(b.setUserValue("n") == false)
    }

    @Test func rangesAndHex() throws {
        let kconfig = try load(Self.tree)
        let number = try #require(kconfig.symbol(named: "NUM"))
        #expect(number.setUserValue("11") == false)
        #expect(number.setUserValue("010") == false)
        #expect(number.setUserValue("7"))
        #expect(number.value == "7")
        let address = try #require(kconfig.symbol(named: "ADDR"))
        #expect(address.setUserValue("ff"))
        #expect(address.value == "0xff")
        #expect(address.setUserValue("0xzz") == false)
    }

    @Test func choicePicks() throws {
        let kconfig = try load(Self.tree)
        let choice = try #require(kconfig.choices.first)
        #expect(choice.selection?.name == "P1")
        #expect(kconfig.symbol(named: "P2")?.setUserValue("y") == true)
        #expect(choice.selection?.name == "P2")
        #expect(kconfig.symbol(named: "P1")?.value == "n")
        #expect(choice.choiceMembers.map(\.name) == ["P1", "P2"])
        kconfig.resetUserValues()
        #expect(choice.selection?.name == "P1")
    }

    @Test func expressionsFromManifests() throws {
        let kconfig = try load(Self.tree)
        let expression = try kconfig.parseExpression("A || NUM >= 5 && !UNKNOWN_THING", file: "lib.manifest", line: 7)
        #expect(kconfig.evaluate(expression) == .yes)
        #expect(kconfig.warnings.last?.description == "lib.manifest:7: warning: undefined symbol 'UNKNOWN_THING'")
        #expect(kconfig.evaluate(try kconfig.parseExpression("NUM = \"5\" && m", file: "x", line: 1)) == .module)
        #expect(throws: KconfigError.self) { try kconfig.parseExpression("A &&", file: "x", line: 1) }
        #expect(expression.description == "A || NUM >= 5 && !UNKNOWN_THING")
    }

    /// Comments and blank lines are not statements: mainmenu may follow them.
    @Test func mainmenuAfterComments() throws {
        let kconfig = try load(["Kconfig": "# The root.\n\n# More words.\nmainmenu \"Titled\"\nconfig A\n\tbool \"A\"\n"])
        #expect(kconfig.mainMenuTitle == "Titled")
        #expect(kconfig.symbol(named: "A") != nil)
    }

    @Test func menuTreeShape() throws {
        let kconfig = try load(["Kconfig": """
            mainmenu "Shape"
            menu "M"
            config X
            \tbool "X"
            \thelp
            \t  Help for X.
            \t    Indented.
            config Y
            \tbool "Y"
            \tdepends on X
            endmenu

            """])
        #expect(kconfig.mainMenuTitle == "Shape")
        let menu = try #require(kconfig.rootMenu.children.first)
        #expect(menu.prompt?.text == "M")
        let x = try #require(menu.children.first)
        // The newline before a line starting in column 1 ends the text (lexer.l).
        #expect(x.help == "Help for X.\n  Indented.")
        #expect(x.children.first?.symbol?.name == "Y")  // automatic submenu
        #expect(kconfig.symbol(named: "Y")?.nodes.first?.line == 8)
    }
}

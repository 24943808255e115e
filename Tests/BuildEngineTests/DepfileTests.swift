@testable import BuildEngine
import Testing

@Suite struct DepfileTests {
    @Test func clangWithContinuationsEscapesAndPhonyTargets() {
        let text = "obj/a.o: src/a.c inc/my\\ header.h \\\n  inc/cost$$.h inc/a.h\ninc/a.h:\n\ninc/other.h:\n"
        #expect(Depfile.dependencies(Array(text.utf8)) == ["src/a.c", "inc/my header.h", "inc/cost$.h", "inc/a.h"])
    }

    @Test func swiftcSeparatesTheColon() {
        #expect(Depfile.dependencies(Array("m.o : m.swift b.h\n".utf8)) == ["m.swift", "b.h"])
    }

    @Test func lldListsEachDependencyOnItsOwnLine() {
        let text = "x.elf: \\\n l.ld \\\n a.o\n\nl.ld:\n\na.o:\n"
        #expect(Depfile.dependencies(Array(text.utf8)) == ["l.ld", "a.o"])
    }
}

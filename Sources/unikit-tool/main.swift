// The commands that configure and build, behind ArgumentParser; `unikit`
// (Sources/unikit) starts this program for everything but `run`.
Unikit.main()

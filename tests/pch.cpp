// Empty: the source the tests' shared precompiled headers are built with.

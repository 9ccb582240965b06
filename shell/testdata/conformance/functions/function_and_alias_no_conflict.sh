f() { echo func; }
f; f

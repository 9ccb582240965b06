f() { echo first; f() { echo second; }; }
f
f

# expect: dash parses and runs one command at a time: earlier lines run before the error
echo first
echo second; if

# expect: dash's echo interprets XSI escapes (\n \t \c \\ \0nnn); bash --posix does not
echo 'a\nb'
echo 'tab\there'
echo 'stop\cnot printed'
echo after
echo '\0101\0102'
echo 'back\\slash'

# expect: dash's .* matches . and ..; bash 5.2 (globskipdots) does not
touch .hidden visible
echo *
echo .*
echo .h*

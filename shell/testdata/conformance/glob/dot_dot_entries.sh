# expect: dash's .* matches . and ..; bash 5.2 (globskipdots) does not
mkdir d
cd d
touch .x
echo .*

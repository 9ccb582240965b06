mkdir d
cd d
touch .x
echo .*

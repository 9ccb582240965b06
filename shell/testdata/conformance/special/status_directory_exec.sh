mkdir d
./d
echo $?

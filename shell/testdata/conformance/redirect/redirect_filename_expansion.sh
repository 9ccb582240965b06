name=out
echo x > $name.txt
cat out.txt
echo y > "sp ace"
cat "sp ace"

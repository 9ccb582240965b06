printf 'echo hi\n' > s
chmod 644 s
./s
echo "status $?"

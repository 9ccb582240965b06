printf '\177ELF\002garbage' > b
chmod +x b
./b
echo "status $?"

echo ~root
echo ~root/x

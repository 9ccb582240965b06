touch empty
echo x > full
[ -s empty ]; echo $?
[ -s full ]; echo $?

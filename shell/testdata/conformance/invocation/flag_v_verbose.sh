# flags: -v
echo shown

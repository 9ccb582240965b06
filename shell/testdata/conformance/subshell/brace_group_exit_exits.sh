{ echo in; exit 3; }
echo not reached

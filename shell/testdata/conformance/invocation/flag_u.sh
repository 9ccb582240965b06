# flags: -u
echo before
echo $undefined_zz
echo not reached

export X=1 > f1
f() { local y=2 > f2; echo "$y"; }
f
echo "$X"
ls f1 f2

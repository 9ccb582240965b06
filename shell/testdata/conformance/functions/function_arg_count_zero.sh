f() { echo "$#:$1"; }
f ""
f

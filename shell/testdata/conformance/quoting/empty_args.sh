set -- "" '' ""
echo $#
set -- "" x
echo $#
f() { echo $#; }
f "" "" ""
f $nothing $nothing
f "$nothing"

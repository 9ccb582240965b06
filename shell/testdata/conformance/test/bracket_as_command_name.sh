x=[
$x 1 = 1 ]; echo $?

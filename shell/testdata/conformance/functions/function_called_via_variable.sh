name=hello
hello() { echo "hi from ${0##*/}"; }
$name

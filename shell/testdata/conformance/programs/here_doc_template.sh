name=World count=3
render() {
cat <<EOF
Hello, $name!
You have $count new $( [ $count = 1 ] && echo message || echo messages ).
EOF
}
render
count=1
render

x='a b'
set -- pre$x"post"
echo $# "$1" "$2"

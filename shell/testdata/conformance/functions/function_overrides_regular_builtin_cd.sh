mkdir d
cd() { echo "wrapped cd $1"; command cd "$@"; }
cd d
echo "${PWD##*/}"

set -e
! true | false
echo "survived $?"

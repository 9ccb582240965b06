echo data | exec cat
echo after

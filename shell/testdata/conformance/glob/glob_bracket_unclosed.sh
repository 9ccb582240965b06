touch '[a' a
echo [a
echo [

# expect: 'function' is not a keyword in dash
function f { echo x; }
echo "status $?"

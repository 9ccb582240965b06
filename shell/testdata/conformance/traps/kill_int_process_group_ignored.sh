# expect: with INT ignored, the child inherits the ignore and both survive
trap '' INT
/bin/sh -c 'kill -INT 0; echo child-alive'
echo after

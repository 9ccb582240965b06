X=pre
readonly X
X=post
echo not reached

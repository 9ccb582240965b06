ec\
ho con\
tinued
x=a\
b
echo $x

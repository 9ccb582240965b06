x=hello; e=; unset u
echo ${#x} ${#e} ${#u}
y="a b c"
echo ${#y}

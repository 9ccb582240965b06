mkdir sub
d=$(cd sub && pwd)
echo ${d##*/}
echo ${PWD##*/} | grep -c sub

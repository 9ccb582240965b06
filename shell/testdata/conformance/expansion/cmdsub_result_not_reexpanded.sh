b=value
echo $(echo '$b')

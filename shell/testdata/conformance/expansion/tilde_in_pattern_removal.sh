HOME=/h
x=/h/file
echo ${x#~/}

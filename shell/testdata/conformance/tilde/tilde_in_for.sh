HOME=/h
for d in ~ ~/a; do echo $d; done

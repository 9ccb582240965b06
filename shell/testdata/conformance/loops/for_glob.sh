touch x1 x2
for f in x*; do echo $f; done

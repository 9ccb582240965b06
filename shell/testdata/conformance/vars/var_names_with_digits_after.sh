x=1
echo $x1 "${x}1"

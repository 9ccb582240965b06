t='~'
HOME=/h
echo $t

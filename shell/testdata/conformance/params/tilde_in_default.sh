unset u
HOME=/home/test
echo ${u:-~}
echo ${u:-~/x}

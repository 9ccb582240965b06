A=1 : 
B=2 true
echo "[${A-u}][${B-u}]"

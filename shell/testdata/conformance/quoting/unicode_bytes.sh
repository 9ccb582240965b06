echo 'héllo wörld'
x="日本"
echo "$x" ${#x}

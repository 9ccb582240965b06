V=one
V=two eval 'echo $V'
echo $V

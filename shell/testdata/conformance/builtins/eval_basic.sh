eval 'echo one; echo two'
cmd='x=5'
eval $cmd
echo $x

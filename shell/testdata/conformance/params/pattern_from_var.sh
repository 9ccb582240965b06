x=hello.world
suf=.world
echo ${x%$suf}
pre=hel
echo ${x#$pre}

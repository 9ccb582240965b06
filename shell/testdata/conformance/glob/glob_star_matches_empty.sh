touch abc
echo abc* *abc a*bc

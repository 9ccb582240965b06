case x
 x) echo y;;
esac

# zinebox-known-failure: the syntax error is reported on line 1; dash says line 2
case x
 x) echo y;;
esac

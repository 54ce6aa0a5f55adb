package dev.backlight.deploy;

import java.nio.file.Path;
import java.util.List;

/** What {@code ./run-local.sh} was asked to do, from its arguments. */
record LocalCommand(Action action, Path dataDirectory, boolean demo, boolean reset, Path file) {

    enum Action {
        RUN, BACKUP, RESTORE, HELP
    }

    static final String USAGE = """
            usage: ./run-local.sh [--data-dir DIR] [--demo] [--reset]
                   ./run-local.sh [--data-dir DIR] backup FILE.zip     (while the suite runs, or when it is stopped)
                   ./run-local.sh [--data-dir DIR] restore FILE.zip    (with the suite stopped)
              --data-dir DIR  where the data is kept (default $BACKLIGHT_DATA, else ~/.backlight)
              --demo          load the demo tenants into a data directory that is not new (those already there are kept)
              --reset         delete the data directory first and start anew, demo data included""";

    static LocalCommand parse(List<String> args) {
        Action action = Action.RUN;
        Path dataDirectory = DataDirectory.defaultRoot();
        boolean demo = false;
        boolean reset = false;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--data-dir" -> dataDirectory = Path.of(valueAfter(args, i++, arg));
                case "--demo" -> demo = true;
                case "--reset" -> reset = true;
                case "--help", "-h" -> action = Action.HELP;
                case "backup", "restore" -> {
                    action = arg.equals("backup") ? Action.BACKUP : Action.RESTORE;
                    file = Path.of(valueAfter(args, i++, arg)).toAbsolutePath();
                }
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        if ((action == Action.BACKUP || action == Action.RESTORE) && (demo || reset)) {
            throw new IllegalArgumentException("--demo and --reset start the suite; they do not go with " + action.name().toLowerCase());
        }
        return new LocalCommand(action, DataDirectory.of(dataDirectory).root(), demo, reset, file);
    }

    private static String valueAfter(List<String> args, int i, String name) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(i + 1);
    }
}
